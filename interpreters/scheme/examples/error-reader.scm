; A reader error (an unclosed list) is reported with its line.
(display "read ok")
(newline)
(display (+ 1
