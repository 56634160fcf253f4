; A named-let loop over fixnums: the sum of 0..30,000,000 (1e8 would take a bench row past
; 30 s per mode without the JIT).
(define (sum-to n)
  (let loop ((i 0) (acc 0))
    (if (> i n) acc (loop (+ i 1) (+ acc i)))))
(display (sum-to 30000000))
(newline)
