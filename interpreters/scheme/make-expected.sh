#!/bin/sh
# Regenerates examples/X.out from Guile 3.0 for every example without an X.err (the error
# samples' outputs are this interpreter's own, since Guile words its errors differently).
#   GUILE=guile-3.0 interpreters/scheme/make-expected.sh
set -e
cd "$(dirname "$0")"
GUILE=${GUILE:-guile}
for f in examples/*.scm; do
  base=${f%.scm}
  [ -f "$base.err" ] && continue
  "$GUILE" --no-auto-compile -l guile-compat.scm "$f" > "$base.out" 2>/dev/null
done
