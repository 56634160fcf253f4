; Takeuchi's function on larger arguments: tak 24 16 8 (2,493,349 calls), long enough for
; the time of compiled code to show past start-up and compiling (tak 18 12 6 runs ~10 ms).
; The expected output is tak's well-known value (Guile was not on the machine that wrote
; it; a JavaScript tak gives 9 too).
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(display (tak 24 16 8))
(newline)
