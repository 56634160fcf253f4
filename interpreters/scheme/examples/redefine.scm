; Built-ins are globals a program may redefine: calls by name then reach the new value
; (the interpreter's direct paths for built-ins check this at each call), while the
; library procedures keep using the originals.
(define (show . items) (for-each display items) (newline))
(define (twice x) (* 2 x))
(show "before: " (twice 21) " " (+ 1 2) " " (car '(a b)))
(define (reverse l) 'my-reverse)
(define (car x) 'my-car)
(show "map still works: " (map (lambda (x) (* x 2)) '(1 2 3)))
(show "redefined: " (reverse '(1 2)) " " (car '(1)))
(define original-plus +)
(define (+ a b) (original-plus a (original-plus b 100)))
(show "new +: " (+ 1 2) " " (apply + '(1 2)))
(define (double x) (* 2 x))
(set! double (lambda (x) (list 'doubled x)))
(show "set! of a global: " (double 21))
; A tail loop through a redefined arithmetic name stays in constant space.
(define (count n acc) (if (= n 0) acc (count (- n 1) (+ acc 0))))
(show "loop: " (count 100000 0))
(define (= a b) (eq? a b))
(define (countdown n) (if (= n 0) 'done (countdown (- n 1))))
(show "redefined =: " (countdown 100000))
