package cmdutil

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/panel-dev/panel/internal/termsafe"
)

// Confirm asks a yes/no question on the terminal.
func Confirm(ios *IOStreams, question string) (bool, error) {
	fmt.Fprintf(ios.ErrOut, "%s [y/N] ", termsafe.Line(question))
	line, err := ReadLine(ios.In)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(line) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}

// Choose lists options on the terminal and returns the index picked.
func Choose(ios *IOStreams, question string, options []string) (int, error) {
	fmt.Fprintln(ios.ErrOut, termsafe.Line(question))
	for i, o := range options {
		fmt.Fprintf(ios.ErrOut, "  %d) %s\n", i+1, termsafe.Line(o))
	}
	fmt.Fprintf(ios.ErrOut, "Number (1-%d): ", len(options))
	line, err := ReadLine(ios.In)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(line)
	if err != nil || n < 1 || n > len(options) {
		return 0, fmt.Errorf("%q is not one of the numbers shown", line)
	}
	return n - 1, nil
}

// ReadLine reads one answer, trimmed.
func ReadLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		return "", fmt.Errorf("no answer: %w", err)
	}
	return strings.TrimSpace(line), nil
}

// ErrAborted ends a command the user declined to confirm.
var ErrAborted = errors.New("aborted: nothing was changed")
