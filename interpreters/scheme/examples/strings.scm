; String building: appending in loops, number->string, list->string, reversing words,
; a simple string join and a repeated pattern.
(define (repeat-string s n)
  (let loop ((i 0) (acc ""))
    (if (= i n) acc (loop (+ i 1) (string-append acc s)))))
(display (repeat-string "ab" 5))
(newline)

(define (number-list->string l)
  (if (null? l)
      ""
      (let loop ((l (cdr l)) (acc (number->string (car l))))
        (if (null? l)
            acc
            (loop (cdr l) (string-append acc ", " (number->string (car l))))))))
(display (number-list->string '(1 2 3 42 -7 2.5)))
(newline)

(define (string-reverse s) (list->string (reverse (string->list s))))
(display (string-reverse "hello, world"))
(newline)

(define (split-words s)
  (let loop ((chars (string->list s)) (word '()) (words '()))
    (cond ((null? chars)
           (reverse (if (null? word) words (cons (list->string (reverse word)) words))))
          ((char=? (car chars) #\space)
           (loop (cdr chars) '() (if (null? word) words (cons (list->string (reverse word)) words))))
          (else (loop (cdr chars) (cons (car chars) word) words)))))
(write (split-words "the quick  brown fox"))
(newline)
(display (map string-length (split-words "the quick  brown fox")))
(newline)

(define (capitalize w)
  (if (= (string-length w) 0)
      w
      (string-append (string (char-upcase (string-ref w 0))) (substring w 1 (string-length w)))))
(display (map capitalize (split-words "scheme in rts is fun")))
(newline)

; A 10000-character string built from pieces, then checked.
(define big (let loop ((i 0) (parts '()))
              (if (= i 1000)
                  (apply string-append parts)
                  (loop (+ i 1) (cons (number->string (modulo i 10)) (cons "abcdefghi" parts))))))
(display (string-length big))
(newline)
(display (substring big 0 30))
(newline)

(define (pad-left s n)
  (if (>= (string-length s) n) s (pad-left (string-append " " s) n)))
(for-each (lambda (x) (display (pad-left (number->string x) 6)) (newline)) '(1 22 333 4444))
(write (string-append "quote\"d" "\\" "tab\t" "nl\n"))
(newline)
