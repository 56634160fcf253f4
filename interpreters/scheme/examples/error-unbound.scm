; An unbound variable.
(define (area r) (* pi r r))
(display "computing")
(newline)
(display (area 2))
