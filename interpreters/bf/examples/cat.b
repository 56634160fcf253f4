cat  copies its input to its output byte by byte
At end of input the read leaves the cell unchanged  so the cell is cleared
before each read and a zero cell ends the loop

,[.[-],]
