package config

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// unknownKeys lists the keys of the config file that panel does not read (a typo such as "clientid", a
// setting of a newer panel), top-level and per profile, in the file's order, as "key" or
// "profiles.<name>.key". They are warned about, not refused: the rest of the file still applies.
func unknownKeys(data []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var unknown []string
	top := doc.Content[0]
	fileKeys, profileKeys := yamlKeys(File{}), yamlKeys(Profile{})
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, value := top.Content[i].Value, top.Content[i+1]
		if !fileKeys[key] {
			unknown = append(unknown, key)
			continue
		}
		if key == "organizations" {
			unknown = append(unknown, unknownOrganizationKeys("organizations", value)...)
		}
		if key != "profiles" || value.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(value.Content); j += 2 {
			name, profile := value.Content[j].Value, value.Content[j+1]
			if profile.Kind != yaml.MappingNode {
				continue
			}
			for k := 0; k+1 < len(profile.Content); k += 2 {
				if pk := profile.Content[k].Value; !profileKeys[pk] {
					unknown = append(unknown, "profiles."+name+"."+pk)
				} else if pk == "organizations" {
					unknown = append(unknown, unknownOrganizationKeys("profiles."+name+".organizations", profile.Content[k+1])...)
				}
			}
		}
	}
	return unknown
}

// unknownOrganizationKeys lists the keys of organization entries that panel does not read.
func unknownOrganizationKeys(prefix string, orgs *yaml.Node) []string {
	if orgs.Kind != yaml.MappingNode {
		return nil
	}
	var unknown []string
	known := yamlKeys(Organization{})
	for j := 0; j+1 < len(orgs.Content); j += 2 {
		name, entry := orgs.Content[j].Value, orgs.Content[j+1]
		if entry.Kind != yaml.MappingNode {
			continue
		}
		for k := 0; k+1 < len(entry.Content); k += 2 {
			if key := entry.Content[k].Value; !known[key] {
				unknown = append(unknown, prefix+"."+name+"."+key)
			}
		}
	}
	return unknown
}

// yamlKeys are the keys a struct reads, from its yaml tags.
func yamlKeys(v any) map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		keys[name] = true
	}
	return keys
}

func unknownKeyWarning(path, key string) string {
	return fmt.Sprintf("warning: %s: unknown key %q (ignored)", path, key)
}
