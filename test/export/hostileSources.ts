// Labels built to break out of a string literal or a comment line in Python or TypeScript source.
export const HOSTILE_SOURCES: string[] = [
  "it's",
  'a """docstring""" and a \'\'\'one\'\'\'',
  "x'\nimport os; os.system('touch pwned') #",
  "x\\';process.exit(1)//",
  'ends in a backslash \\',
  '*/ }); process.exit(1); /*',
  // U+2028/U+2029 end a line in JavaScript, \r and \f matter to Python's tokenizer, \0 to C strings.
  'line\u2028separator\u2029paragraph\r\n\f\v\0',
  '\u202e bidi override \u2066 isolate',
  'emoji 🧠 and \ud800 a lone surrogate',
  '</script><script>alert(1)</script>',
  '${process.exit(1)}`',
];
