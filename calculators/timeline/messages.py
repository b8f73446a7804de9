"""What the reader is told when her birth answers cannot make a timeline.

The readiness check asks the same questions and gives the same answers."""

BOTH_GIVEN = "Fill in only one: the date you gave birth, or the weeks since birth."
NEITHER_GIVEN = "Enter the date you gave birth, or the weeks since birth below."
IN_THE_FUTURE = "That date is in the future. Check the year."
TOO_LONG_AGO = "That is more than 5 years ago. This guide is about the first years after birth."
