; Doubly recursive calls: fib 30 (1.6 million calls).
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 30))
(newline)
