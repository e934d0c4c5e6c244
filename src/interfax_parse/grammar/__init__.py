"""The line grammar shared by every template: dates, ticker lines, turn
labels, names and quotes, one module each."""
