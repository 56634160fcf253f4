; (error msg irritant ...): output so far is kept, the message goes to stderr, exit code 1.
(define (safe-div a b)
  (if (= b 0)
      (error "safe-div: division by zero of" a 'by b "(a string)")
      (/ a b)))
(display (safe-div 10 2))
(newline)
(display (safe-div 1 0))
(display "not reached")
