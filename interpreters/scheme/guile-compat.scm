; Loaded into Guile before each sample when making the expected outputs (make-expected.sh):
; Guile 3.0 keeps these R7RS / SRFI-1 procedures in modules, this interpreter has them built in.
(use-modules (srfi srfi-1)
             ((scheme base) #:select (vector-map vector-for-each string-map string-for-each square exact inexact exact-integer? string-copy vector-fill! vector-copy write-string))
             ((scheme char) #:select (digit-value)))
