; Association lists: lookup with assq/assv/assoc, functional update, counting words.
(define colors '((red . "#ff0000") (green . "#00ff00") (blue . "#0000ff")))
(display (cdr (assq 'green colors)))
(newline)
(display (assq 'purple colors))
(newline)

(define (alist-update key value alist)
  (cond ((null? alist) (list (cons key value)))
        ((equal? (caar alist) key) (cons (cons key value) (cdr alist)))
        (else (cons (car alist) (alist-update key value (cdr alist))))))

(define (count-words words)
  (let loop ((words words) (counts '()))
    (if (null? words)
        counts
        (let ((entry (assoc (car words) counts)))
          (loop (cdr words)
                (alist-update (car words) (if entry (+ (cdr entry) 1) 1) counts))))))

(define text '("the" "cat" "and" "the" "hat" "and" "the" "bat"))
(define counts (count-words text))
(write counts)
(newline)
(for-each (lambda (entry)
            (display (car entry)) (display ": ") (display (cdr entry)) (newline))
          (sort counts (lambda (a b) (> (cdr a) (cdr b)))))

(display (assv 2 '((1 . one) (2 . two) (3 . three))))
(newline)
(display (assoc 2.0 '((1 . one) (2 . two))))
(newline)
(display (assoc '(a b) '(((a b) . found) ((c) . other))))
(newline)

; A phone book as an alist of alists.
(define book
  (list (list 'alice (cons 'phone "555-1234") (cons 'city "Paris"))
        (list 'bob (cons 'phone "555-9876") (cons 'city "Oslo"))))
(define (lookup person field)
  (let ((record (assq person book)))
    (if record
        (let ((f (assq field (cdr record))))
          (if f (cdr f) 'unknown))
        'no-such-person)))
(display (list (lookup 'alice 'city) (lookup 'bob 'phone) (lookup 'bob 'email) (lookup 'carol 'city)))
(newline)
