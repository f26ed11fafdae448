#!/usr/bin/env bash
# PolicyCompare benchmark: generate synthetic corpora, run `policy-compare compare` on each
# under /usr/bin/time -v, and print per-stage timings, throughput and peak memory.
#
#   Benchmarks/run.sh                  # release build, corpora of 1,000 and 10,000 directives
#   Benchmarks/run.sh 1000 5000        # other sizes
#   Benchmarks/run.sh --smoke          # CI: 50 directives, debug build, checks that it works
#   Benchmarks/run.sh --seed 7 --strict 10000
#   Benchmarks/run.sh --repeat 5 10000 # five runs; the median run is reported
#   Benchmarks/run.sh --budget 10000   # also: the run without the table files, and the disk alone
#
# Options: --seed S (default 1), --repeat N (default 1; runs per size, median reported),
#          --budget (where the time goes), --strict (exit 3 when a target is missed), --smoke.
# Environment: POLICY_COMPARE_BIN=path uses that binary instead of building one;
#              BENCH_TIMEOUT=seconds stops a run that takes longer (default: none; smoke: 100);
#              BENCH_EXTRA_ARGS="--format csv,txt" adds arguments to every compare run.
# Exit status: 0 ok, 1 a build, generation or run failed, 2 bad usage, 3 target missed (--strict).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

seed=1
repeat=1
smoke=0
strict=0
budget=0
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --strict) strict=1 ;;
    --budget) budget=1 ;;
    --seed) [ $# -ge 2 ] || { echo "run.sh: --seed needs a value" >&2; exit 2; }; seed=$2; shift ;;
    --seed=*) seed=${1#--seed=} ;;
    --repeat) [ $# -ge 2 ] || { echo "run.sh: --repeat needs a value" >&2; exit 2; }; repeat=$2; shift ;;
    --repeat=*) repeat=${1#--repeat=} ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "run.sh: unknown argument '$1' (sizes are whole numbers; see --help)" >&2; exit 2 ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "run.sh: --seed must be a whole number" >&2; exit 2; }
[[ "$repeat" =~ ^[0-9]+$ ]] && [ "$repeat" -ge 1 ] || { echo "run.sh: --repeat must be a whole number of at least 1" >&2; exit 2; }
if [ "$smoke" = 1 ]; then
  sizes=(50)
  repeat=1
  budget=1
  timeout_s=${BENCH_TIMEOUT:-100}
else
  [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
  timeout_s=${BENCH_TIMEOUT:-0}
fi

fail() { echo "run.sh: $*" >&2; exit 1; }
tmp=$(mktemp -d)
probe=""  # the disk probe's file while it exists (--budget)
trap 'rm -rf "$tmp" ${probe:+"$probe"}' EXIT

# ---------------------------------------------------------------- tools
if [ ! -x /usr/bin/time ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing GNU time (Debian package 'time')..." >&2
    apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q time >/dev/null 2>&1; } \
      || fail "could not install GNU time; install the 'time' package"
  else
    fail "/usr/bin/time (GNU time) is missing; install it, e.g. 'sudo apt-get install time'"
  fi
fi
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to generate the corpus"

# ---------------------------------------------------------------- machine
cpu=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
swift_version=$(swift --version 2>/dev/null | head -1 || true)
echo "## PolicyCompare benchmark"
echo
echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "- Machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk -v k="$mem_kb" 'BEGIN {printf "%.1f GB", k / 1048576}') memory"
echo "- Swift: ${swift_version:-unknown}"
echo "- Corpus: Benchmarks/generate_corpus.py, seed $seed"

# ---------------------------------------------------------------- build
if [ -n "${POLICY_COMPARE_BIN:-}" ]; then
  bin=$POLICY_COMPARE_BIN
  [ -x "$bin" ] || fail "POLICY_COMPARE_BIN=$bin is not an executable"
  echo "- Binary: $bin (POLICY_COMPARE_BIN)"
elif [ "$smoke" = 1 ]; then
  bin=.build/debug/policy-compare
  # The debug binary CI has just built is fine when no source is newer than it.
  if [ -x "$bin" ] && [ -z "$(find Sources Package.swift -newer "$bin" -print -quit 2>/dev/null)" ]; then
    echo "- Binary: $bin (debug, up to date)"
  else
    echo "- Binary: $bin (debug, building...)"
    swift build --product policy-compare >"$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log" >&2; fail "swift build failed"; }
  fi
else
  echo "- Binary: release (swift build -c release)"
  if ! swift build -c release --product policy-compare >"$tmp/build.log" 2>&1; then
    tail -30 "$tmp/build.log" >&2
    fail "swift build -c release failed"
  fi
  bin="$(swift build -c release --show-bin-path)/policy-compare"
fi
[ -x "$bin" ] || fail "no binary at $bin"

# ---------------------------------------------------------------- helpers
# Stamp of a generated corpus: size, seed and the generator's inputs (script and real texts).
stamp_of() {
  local n=$1
  printf 'documents=%s seed=%s inputs=%s\n' "$n" "$seed" \
    "$(cat Benchmarks/generate_corpus.py Datasets/directives/*.txt | sha256sum | cut -c1-16)"
}

ensure_corpus() {
  local n=$1 dir=Benchmarks/corpus-$1
  local want; want=$(stamp_of "$n")
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$want" ] && [ -f "$dir/manifest.csv" ]; then
    echo "- corpus-$n: reused ($want)" >&2
  else
    rm -rf "$dir"
    local t0 t1
    t0=$(date +%s.%N)
    python3 Benchmarks/generate_corpus.py --documents "$n" --seed "$seed" --out "$dir" 2>"$tmp/gen.log" \
      || { cat "$tmp/gen.log" >&2; fail "generating $n documents failed"; }
    t1=$(date +%s.%N)
    echo "$want" >"$dir/.stamp"
    echo "- corpus-$n: generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s" >&2
  fi
  cp Datasets/codebook.csv "$dir/codebook.csv"
}

# The machine's stolen time so far, in clock ticks (field 8 of the cpu line of /proc/stat, Linux):
# time the hypervisor gave this virtual machine's processors to others. Empty where unknown.
steal_ticks() { awk '/^cpu / {print $9; exit}' /proc/stat 2>/dev/null || true; }
ticks_per_second=$(getconf CLK_TCK 2>/dev/null || echo 100)

# Seconds from GNU time's "h:mm:ss" or "m:ss.ss".
clock_seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

declare -A wall_of=()
declare -A bytes_of=()
missed=()

run_size() {
  local n=$1
  local corpus=Benchmarks/corpus-$n out=Benchmarks/out-$n
  ensure_corpus "$n"
  local corpus_bytes
  corpus_bytes=$(du -sb "$corpus" | cut -f1)
  local flags=(--quiet --timings) unsupported=()
  local status walls=() steals=() rss_max=0 r
  for ((r = 1; r <= repeat; r++)); do
    rm -rf "$out"
    local steal0; steal0=$(steal_ticks)
    while :; do
      local cmd=("$bin" compare --corpus "$corpus" --out "$out" ${BENCH_EXTRA_ARGS:-} "${flags[@]+"${flags[@]}"}")
      [ "$timeout_s" != 0 ] && cmd=(timeout "$timeout_s" "${cmd[@]}")
      set +e
      /usr/bin/time -v -o "$tmp/time.txt" "${cmd[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
      status=$?
      set -e
      # A build without --quiet or --timings refuses them as usage errors (exit 2): drop and retry.
      local dropped=0
      if [ "$status" = 2 ]; then
        for f in "${flags[@]}"; do
          if grep -q "unknown option '$f'" "$tmp/stderr"; then
            unsupported+=("$f")
            local kept=()
            for g in "${flags[@]}"; do [ "$g" = "$f" ] || kept+=("$g"); done
            flags=("${kept[@]+"${kept[@]}"}")
            dropped=1
            break
          fi
        done
      fi
      [ "$dropped" = 1 ] || break
    done
    local steal1; steal1=$(steal_ticks)
    steals+=("$(awk -v a="$steal0" -v b="$steal1" -v hz="$ticks_per_second" 'BEGIN {print (a != "" && b != "" && hz > 0) ? (b - a) / hz : ""}')")
    walls+=("$(clock_seconds "$(grep 'Elapsed (wall clock)' "$tmp/time.txt" | awk '{print $NF}')")")
    local rss_r; rss_r=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
    [ "${rss_r:-0}" -gt "$rss_max" ] && rss_max=$rss_r
    cp "$tmp/time.txt" "$tmp/time.$r.txt"; cp "$tmp/stdout" "$tmp/stdout.$r"; cp "$tmp/stderr" "$tmp/stderr.$r"
    [ "$status" = 0 ] || break
  done
  # The run reported is the median run by wall time (the lower middle one of an even number).
  local runs=${#walls[@]} median_run
  median_run=$(for i in "${!walls[@]}"; do echo "${walls[$i]} $((i + 1))"; done | sort -n -k1,1 -k2,2 | sed -n "$(((runs + 1) / 2))p" | cut -d' ' -f2)
  [ "$status" = 0 ] || median_run=$runs
  cp "$tmp/time.$median_run.txt" "$tmp/time.txt"; cp "$tmp/stdout.$median_run" "$tmp/stdout"; cp "$tmp/stderr.$median_run" "$tmp/stderr"
  local steal=${steals[$((median_run - 1))]}

  echo
  echo "### $n documents ($(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB on disk)"
  echo
  echo '```'
  echo "${bin} compare --corpus $corpus --out $out ${BENCH_EXTRA_ARGS:+$BENCH_EXTRA_ARGS }${flags[*]+"${flags[*]}"}"
  echo '```'
  if [ "$runs" -gt 1 ]; then
    echo
    echo "$runs runs: $(printf '%s s, ' "${walls[@]}" | sed 's/, $//') wall time; the tables below are the median run's (run $median_run)."
  fi
  if [ ${#unsupported[@]} -gt 0 ]; then
    echo
    echo "Note: this build does not accept ${unsupported[*]}; ran without."
  fi
  if [ "$status" != 0 ]; then
    echo
    if [ "$status" = 124 ]; then echo "FAILED: stopped after ${timeout_s} s (BENCH_TIMEOUT)"; else echo "FAILED: exit status $status"; fi
    echo
    echo '```'
    { grep -v $'^timing\t' "$tmp/stderr" || true; } | head -20
    echo '```'
  fi

  local wall rss_kb user sys cpu_pct
  # The label itself contains colons ("(h:mm:ss or m:ss): 0:01.23"): take the last field.
  wall=$(clock_seconds "$(grep 'Elapsed (wall clock)' "$tmp/time.txt" | awk '{print $NF}')")
  rss_kb=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  user=$(awk -F': *' '/User time \(seconds\)/ {print $2}' "$tmp/time.txt")
  sys=$(awk -F': *' '/System time \(seconds\)/ {print $2}' "$tmp/time.txt")
  cpu_pct=$(awk -F': *' '/Percent of CPU/ {print $2}' "$tmp/time.txt")
  wall_of[$n]=$wall
  bytes_of[$n]=$corpus_bytes

  echo
  if grep -q $'^timing\t' "$tmp/stderr"; then
    echo "| stage | seconds | MB/s | peak memory MB |"
    echo "|---|---:|---:|---:|"
    awk -F'\t' '$1 == "timing" {
        rate = ($3 > 0) ? $4 / 1e6 / $3 : 0
        mbs = ($3 > 0 && $4 > 0) ? sprintf(rate >= 10 ? "%.1f" : "%.2f", rate) : "-"
        peak = ($5 != "") ? sprintf("%.0f", $5 / 1e6) : "-"
        printf "| %s | %.3f | %s | %s |\n", $2, $3, mbs, peak
      }' "$tmp/stderr"
    echo
    echo "(per-document stages report thread time summed over threads; MB/s is the stage's input bytes over its seconds;"
    echo "peak memory is the process's peak resident memory when the stage ended, shared by the interleaved per-document stages)"
  else
    echo "No per-stage timings (the binary printed no \`timing\` lines): total only."
  fi
  echo
  echo "| measure | value |"
  echo "|---|---:|"
  awk -v w="$wall" -v b="$corpus_bytes" -v r="$rss_kb" -v u="$user" -v s="$sys" -v c="$cpu_pct" -v st="$steal" \
      -v runs="$runs" -v rmax="$rss_max" 'BEGIN {
      printf "| wall time | %.2f s |\n", w
      printf "| CPU time (user + sys) | %.2f s + %.2f s (%s CPU) |\n", u, s, c
      if (st != "") printf "| hypervisor steal (all cores) | %.2f s |\n", st
      printf "| end to end | %.2f MB/s |\n", (w > 0 ? b / 1e6 / w : 0)
      printf "| peak RSS | %.0f MB |\n", r * 1024 / 1e6
      printf "| peak RSS / corpus size | %.2f× |\n", r * 1024 / b
      if (runs > 1) printf "| peak RSS, highest of the %d runs | %.0f MB (%.2f×) |\n", runs, rmax * 1024 / 1e6, rmax * 1024 / b
    }'
  if awk -v st="$steal" -v w="$wall" -v c="$(nproc)" 'BEGIN {exit !(st != "" && st > 0.05 * w * c)}'; then
    echo
    echo "Note: the machine's hypervisor took ${steal} s of its cores' time during this run (steal in /proc/stat):"
    echo "the virtual machine was sharing its processors, so times are inflated and vary from run to run; use --repeat."
  fi
  [ "$status" = 0 ] || fail "compare on $n documents failed (exit $status)"
  local other
  other=$(grep -v $'^timing\t' "$tmp/stderr" | head -10 || true)
  if [ -n "$other" ]; then
    echo
    echo "Standard error (other than timings), first lines:"
    echo
    echo '```'
    echo "$other"
    echo '```'
  fi
  if [ -s "$tmp/stdout" ]; then
    echo
    echo "Tool output: $(head -c 300 "$tmp/stdout" | head -3)"
  fi

  # It must have written the report and a row for every document.
  [ -s "$out/report.txt" ] || fail "no $out/report.txt was written"
  if [ -f "$out/documents.csv" ]; then
    local ids found
    ids=$(tail -n +2 "$corpus/manifest.csv" | cut -d, -f1)
    found=$(grep -c -F -f <(printf '%s\n' "$ids") "$out/documents.csv" || true)
    [ "$found" -ge "$n" ] || fail "$out/documents.csv lists $found of the $n documents"
  fi

  # Targets at 10,000 documents (≈130 MB): under 3 s (> 40 MB/s), memory under 3× the corpus.
  if [ "$n" -ge 10000 ]; then
    awk -v w="$wall" 'BEGIN {exit !(w < 3)}' || missed+=("$n documents: wall time ${wall} s ≥ 3 s")
  fi
  awk -v r="$rss_max" -v b="$corpus_bytes" 'BEGIN {exit !(r * 1024 < 3 * b)}' || missed+=("$n documents: peak RSS ≥ 3× corpus size")
  [ "$budget" = 1 ] && time_budget "$n" "$corpus" "$out" "$wall"
  return 0
}

# Where the time of a size's run goes (--budget): the same run writing report.txt only (as
# many runs as --repeat, median), and the disk alone writing as many bytes as the run's files,
# with dd and direct I/O (or, where the file system refuses it, through the page cache and a
# final fsync). The difference between the two runs is what rendering and writing the other
# files costs.
time_budget() {
  local n=$1 corpus=$2 out=$3 wall=$4
  local files out_bytes
  files=$(find "$out" -type f | wc -l | tr -d ' ')
  out_bytes=$(du -sb "$out" | cut -f1)
  # The extra arguments without their --format (given twice, an option is refused).
  local extra=() kept=() skip=0 a
  read -r -a extra <<<"${BENCH_EXTRA_ARGS:-}"
  for a in "${extra[@]+"${extra[@]}"}"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case "$a" in --format) skip=1 ;; --format=*) ;; *) kept+=("$a") ;; esac
  done
  local lean=$out-report-only walls=() r status
  for ((r = 1; r <= repeat; r++)); do
    rm -rf "$lean"
    local cmd=("$bin" compare --corpus "$corpus" --out "$lean" "${kept[@]+"${kept[@]}"}" --format txt --quiet)
    [ "$timeout_s" != 0 ] && cmd=(timeout "$timeout_s" "${cmd[@]}")
    set +e
    /usr/bin/time -f '%e' -o "$tmp/lean.txt" "${cmd[@]}" >/dev/null 2>"$tmp/lean.err"
    status=$?
    set -e
    [ "$status" = 0 ] || { head -5 "$tmp/lean.err" >&2; fail "compare --format txt on $n documents failed (exit $status)"; }
    walls+=("$(tail -1 "$tmp/lean.txt")")
  done
  rm -rf "$lean"
  local lean_wall
  lean_wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((${#walls[@]} + 1) / 2))p")
  # The disk: as many whole MiB as the files hold (at least one).
  local mib=$(((out_bytes + 1048575) / 1048576)) how="dd oflag=direct" t0 t1
  probe=$out.disk-probe
  t0=$(date +%s.%N)
  if ! dd if=/dev/zero of="$probe" bs=1048576 count="$mib" oflag=direct 2>/dev/null; then
    how="dd conv=fsync (no direct I/O on this file system)"
    t0=$(date +%s.%N)
    dd if=/dev/zero of="$probe" bs=1048576 count="$mib" conv=fsync 2>/dev/null || fail "dd could not write $probe"
  fi
  t1=$(date +%s.%N)
  rm -f "$probe"
  probe=""
  echo
  echo "Where the time goes (--budget):"
  echo
  echo "| part | seconds |"
  echo "|---|---:|"
  awk -v w="$wall" -v lw="$lean_wall" -v each="$(printf '%s s, ' "${walls[@]}" | sed 's/, $//')" -v runs="${#walls[@]}" \
      -v files="$files" -v ob="$out_bytes" -v mib="$mib" -v how="$how" -v t0="$t0" -v t1="$t1" 'BEGIN {
      printf "| the run above: %d files, %.0f MB | %.2f |\n", files, ob / 1e6, w
      printf "| the same run writing report.txt only (%s) | %.2f |\n", (runs > 1 ? "median of " runs " runs: " each : "one run"), lw
      printf "| difference: rendering and writing the other files | %.2f |\n", w - lw
      printf "| the disk alone: %d MiB of zeros with %s | %.2f |\n", mib, how, t1 - t0
    }'
}

for n in "${sizes[@]}"; do
  run_size "$n"
done

# ---------------------------------------------------------------- summary
echo
if [ "$smoke" = 1 ]; then
  echo "Smoke run OK: ${sizes[0]} documents compared in ${wall_of[${sizes[0]}]} s."
  exit 0
fi
echo "### Summary"
echo
echo "| documents | MB | wall s | MB/s |"
echo "|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  awk -v n="$n" -v b="${bytes_of[$n]}" -v w="${wall_of[$n]}" 'BEGIN {printf "| %d | %.1f | %.2f | %.2f |\n", n, b / 1e6, w, (w > 0 ? b / 1e6 / w : 0)}'
done
if [ -n "${wall_of[1000]:-}" ] && [ -n "${wall_of[10000]:-}" ]; then
  ratio=$(awk -v a="${wall_of[1000]}" -v b="${wall_of[10000]}" 'BEGIN {printf "%.1f", (a > 0 ? b / a : 0)}')
  echo
  echo "time(10000) / time(1000) = ${ratio} (target ≤ 12)"
  awk -v r="$ratio" 'BEGIN {exit !(r <= 12)}' || missed+=("time(10000)/time(1000) = $ratio > 12")
elif [ ${#sizes[@]} -ge 2 ]; then
  echo
  for ((i = 1; i < ${#sizes[@]}; i++)); do
    a=${sizes[i-1]} b=${sizes[i]}
    awk -v a="$a" -v b="$b" -v ta="${wall_of[$a]}" -v tb="${wall_of[$b]}" \
      'BEGIN {printf "time(%d) / time(%d) = %.1f for %.1f× the documents\n", b, a, (ta > 0 ? tb / ta : 0), b / a}'
  done
fi
echo
if [ ${#missed[@]} -eq 0 ]; then
  echo "Targets: none missed at these sizes (10,000 documents < 3 s, ≤ 12× the 1,000 time, peak RSS < 3× corpus)."
else
  echo "Targets missed:"
  for m in "${missed[@]}"; do echo "- $m"; done
  [ "$strict" = 1 ] && exit 3
fi
exit 0
