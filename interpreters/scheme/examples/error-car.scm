; A wrong-type error names the primitive, the value, the expression and the procedure.
(define (second l) (car (cdr l)))
(display (second '(1 2)))
(newline)
(display (second '(1)))
