[ Hello World: the classic program from the Brainfuck article on Wikipedia
  (comments reworded so that they hold no command characters)

  It prints "Hello World!" and a newline with 106 commands
  This whole bracket is a comment loop: it is skipped because cell 0 is zero
]
++++++++                Set Cell 0 to 8
[
    >++++               Add 4 to Cell 1 (always sets it to 4: the loop clears it)
    [
        >++             Add 2 to Cell 2
        >+++            Add 3 to Cell 3
        >+++            Add 3 to Cell 4
        >+              Add 1 to Cell 5
        <<<<-           Decrement the loop counter in Cell 1
    ]                   Loop until Cell 1 is zero (4 iterations)
    >+                  Add 1 to Cell 2
    >+                  Add 1 to Cell 3
    >-                  Subtract 1 from Cell 4
    >>+                 Add 1 to Cell 6
    [<]                 Move back to the first zero cell (Cell 1)
    <-                  Decrement the loop counter in Cell 0
]                       Loop until Cell 0 is zero (8 iterations)

Now the cells hold
  Cell:      0   1   2   3   4   5   6
  Value:     0   0  72 104  88  32   8
with the pointer on Cell 0

>>.                     Cell 2 has 72 which is H
>---.                   Subtract 3 from Cell 3 to get 101 which is e
+++++++..+++.           Likewise for llo from Cell 3
>>.                     Cell 5 is 32 for the space
<-.                     Subtract 1 from Cell 4 for 87 to give a W
<.                      Cell 3 was set to o from the end of Hello
+++.------.--------.    Cell 3 for rl and d
>>+.                    Add 1 to Cell 5 gives us an exclamation point
>++.                    And finally a newline from Cell 6
