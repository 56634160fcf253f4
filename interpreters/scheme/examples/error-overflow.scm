; Fixnums are limited to 2^53 - 1 (no bignums): going past it is an error, not a wrong result.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display (fact 18))
(newline)
(display (fact 25))
