; Globals written while loops run hot. With --jit a trace reads the cells of the globals it
; uses as constants, and a set! or define of one invalidates the traces that did: each
; loop below must see every write at once, whether the loop makes it or the program does
; between two runs of the loop.
(define (show . items) (for-each display items) (newline))

; A counter written on every iteration (the JIT gives up reading it as a constant).
(define counter 0)
(define (tick!) (set! counter (+ counter 1)))
(define (count-to n) (let loop ((i 0)) (if (< i n) (begin (tick!) (loop (+ i 1))))))
(count-to 5000)
(show "counter: " counter)

; A global read in a hot loop, written between runs.
(define (sum-counter n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc counter)))))
(show "sum of counter: " (sum-counter 3000))
(set! counter 7)
(show "after set!: " (sum-counter 3000))

; A procedure replaced in the middle of the loop that calls it, then redefined between runs.
(define (step x) (+ x 1))
(define (run n)
  (let loop ((i 0) (acc 0))
    (if (= i n)
        acc
        (begin
          (if (= i 3000) (set! step (lambda (x) (* x 2))))
          (loop (+ i 1) (+ acc (step i)))))))
(show "run: " (run 6000))
(define (step x) (- x))
(show "run after define: " (run 6000))

; A built-in replaced in the middle of a loop that calls it by name.
(define (sum-abs n)
  (let loop ((i 0) (acc 0))
    (if (= i n)
        acc
        (begin
          (if (= i 2000) (set! abs (lambda (x) 1)))
          (loop (+ i 1) (+ acc (abs (- i))))))))
(show "sum-abs: " (sum-abs 4000))
