# The black-box checks' vocabulary, sourced by .ci/native and .ci/image: assertions that count and
# print ok/FAIL lines, GITHUB_OUTPUT read back as the runner reads it, and what every action run is
# checked for. Each script ends with "<name>: N passed, N failed" and exits 1 when any check failed.

loud() {
  {
    echo "########################################################################################"
    echo "## $*"
    echo "########################################################################################"
  } >&2
}

PASS=0
FAIL=0
FAILURES=()
ok() {
  PASS=$((PASS + 1))
  echo "ok   $1"
}
bad() {
  FAIL=$((FAIL + 1))
  FAILURES+=("$1")
  echo "FAIL $1" >&2
}
expect_eq() { # what actual expected
  if [[ $2 == "$3" ]]; then ok "$1 = $3"; else bad "$1: expected '$3', got '$2'"; fi
}
expect_contains() { # what text needle
  if [[ $2 == *"$3"* ]]; then ok "$1 contains '$3'"; else bad "$1: '$3' not found"; fi
}
expect_lacks() { # what text needle
  if [[ $2 != *"$3"* ]]; then ok "$1 lacks '$3'"; else bad "$1: unexpected '$3'"; fi
}
show_log_if_failed() { # fail-count-before file
  if ((FAIL > $1)); then
    echo "---- $2 (last 40 lines) ----" >&2
    tail -n 40 "$2" | sed 's/^/    | /' >&2
  fi
}
now_ms() { date +%s%3N; }

# GITHUB_OUTPUT as the runner reads it: "name=value" lines, and "name<<DELIMITER" heredocs that end at a line
# equal to DELIMITER; blank lines are skipped; a later value wins. Fills OUT; returns 1 (and says why) on
# anything the runner would reject.
declare -A OUT
parse_output() {
  local file=$1 line key value delim closed pre eq hd
  OUT=()
  if grep -q $'\r' "$file"; then
    echo "GITHUB_OUTPUT $file contains a CR" >&2
    return 1
  fi
  exec 3< "$file"
  while IFS= read -r line <&3 || [[ -n $line ]]; do
    [[ -z $line ]] && continue
    eq=-1
    hd=-1
    if [[ $line == *=* ]]; then pre=${line%%=*}; eq=${#pre}; fi
    if [[ $line == *'<<'* ]]; then pre=${line%%<<*}; hd=${#pre}; fi
    if ((eq >= 0 && (hd < 0 || eq < hd))); then
      key=${line:0:eq}
      value=${line:eq+1}
    elif ((hd >= 0)); then
      key=${line:0:hd}
      delim=${line:hd+2}
      if [[ -z $delim ]]; then
        echo "GITHUB_OUTPUT: empty heredoc delimiter for '$key'" >&2
        exec 3<&-
        return 1
      fi
      value=""
      closed=0
      local first=1
      while IFS= read -r line <&3; do
        if [[ $line == "$delim" ]]; then closed=1; break; fi
        if ((first)); then value=$line; first=0; else value+=$'\n'$line; fi
      done
      if ((!closed)); then
        echo "GITHUB_OUTPUT: heredoc '$key' not closed by $delim" >&2
        exec 3<&-
        return 1
      fi
    else
      echo "GITHUB_OUTPUT: invalid line: $line" >&2
      exec 3<&-
      return 1
    fi
    if [[ -z $key ]]; then
      echo "GITHUB_OUTPUT: empty name" >&2
      exec 3<&-
      return 1
    fi
    OUT[$key]=$value
  done
  exec 3<&-
  return 0
}

step_ids() { grep -o '"id":"[^"]*"' <<< "${OUT[steps]:-}" | cut -d'"' -f4 | paste -sd, -; }
step_statuses() { grep -o '"status":"[^"]*"' <<< "${OUT[steps]:-}" | cut -d'"' -f4 | sort -u | paste -sd, -; }

# Checks common to every action run: outputs parse, the expected steps ran, the summary names them.
check_run() { # tag expected-rc expected-result expected-step-ids ok-statuses
  local tag=$1 rc=$2 result=$3 ids=$4 statuses=$5 id summary
  expect_eq "$tag: exit code" "$RC" "$rc"
  if parse_output "$OUTF"; then ok "$tag: GITHUB_OUTPUT parses"; else bad "$tag: GITHUB_OUTPUT does not parse"; fi
  expect_eq "$tag: result" "${OUT[result]:-<unset>}" "$result"
  # steps that run in parallel are recorded as they finish: compare as sets
  [[ -n $ids ]] && expect_eq "$tag: steps" "$(step_ids | tr , '\n' | sort | paste -sd, -)" "$(tr , '\n' <<< "$ids" | sort | paste -sd, -)"
  [[ -n $statuses ]] && expect_eq "$tag: step outcomes" "$(step_statuses)" "$statuses"
  if [[ -s $SUMF ]]; then ok "$tag: summary written"; else bad "$tag: summary empty"; fi
  summary=$(cat "$SUMF")
  for id in $(step_ids | tr , ' '); do
    [[ $summary == *"\`$id\`"* ]] || bad "$tag: summary lacks step $id"
  done
}
