Byte cells that wrap around and loops nested three deep
(comments here avoid the eight command characters)

Part 1  wrap downward  cell 0 starts at 0 and one minus makes it 255
then 11 times 6 more wraps it round to 65 which prints A
-
>+++++++++++[<++++++>-]<.

Part 2  wrap upward  two nested loops add 16 times 16 = 256 to cell 0
which leaves it at 65  one plus more prints B
>++++++++++++++++[>++++++++++++++++[<<+>>-]<-]<
+.

Part 3  the loop with a plus counts cell 0 (66) up through 255 to 0
then 48 plus prints the digit 0 and ten more make a newline
[+]
++++++++++++++++++++++++++++++++++++++++++++++++.
[-]++++++++++.

Some noise that cancels out  moves and adds in opposite directions
+-+--+ ><>><<>< +++---

Part 4  a triangle of stars  rows loop around a copy loop and a print loop
cells  1 star  2 newline  3 rows left  4 row length  5 and 6 scratch
[-]++++++[>+++++++<-]       cell 1 = 42 (star)
>>++++++++++                cell 2 = 10 (newline)
>+++++                      cell 3 = 5 rows
[
  >+                        one more star in this row
  [>+>+<<-]>>[<<+>>-]       copy cell 4 to cell 5 using cell 6
  <[<<<<.>>>>-]             print cell 1 as many times as cell 5 says
  <<<.                      newline
  >-                        one row done
]

Part 5  three nested loops make 4 times 4 times 4 = 64 which prints at sign
then newline again from cell 2
>>>[-]++++[>++++[>++++[>+<-]<-]<-]>>>.
<<<<<<<.
