# The language of this folder: its name in itself and its writing direction (ltr, rtl).

language-name = Deutsch
language-direction = ltr
