; A malformed special form is reported before the form runs (the forms before it ran).
(display "before")
(newline)
(let ((x)) 1 2)
(if)
(display "not reached")
