; Calling a non-procedure.
(define x 5)
(display (list x))
(newline)
(display (x 3))
