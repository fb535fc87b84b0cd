# Timing helpers for the .ci/bench* scripts and .ci/machine (sourced).
#
# ms runs a command and prints its wall time in tenths of a millisecond,
# from bash's own clock ($EPOCHREALTIME): timing each run between two
# `date` processes added their start and exit, about 2 ms, to every run.
ms() { local t0 t1; t0=${EPOCHREALTIME//[.,]/}; "$@" >/dev/null; t1=${EPOCHREALTIME//[.,]/}; echo $(( (t1 - t0) / 100 )); }
# median prints the median of its arguments (the upper one of an even count).
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# tenths prints tenths of a millisecond as milliseconds: 123 → 12.3.
tenths() { printf '%d.%d' $(($1 / 10)) $(($1 % 10)); }
