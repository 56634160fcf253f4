; Wrong argument counts, for a closure.
(define (add x y) (+ x y))
(display (add 1 2))
(newline)
(add 1)
