set terminal pngcairo size 900,520 font ',10' noenhanced
set datafile missing 'NaN'
set logscale xy
set key outside right
set grid
set xlabel 'connections'
set xrange [80:6500]
set output 'docs/bench/p1-throughput.png'
set ylabel 'requests per second (log)'
set yrange [50:100000]
plot x/0.1 title 'ceiling (connections / 0.1 s)' with lines dashtype 2 lw 2, 'docs/bench/p1.dat' using 1:2 title 'plain-blocking' with linespoints lw 2, 'docs/bench/p1.dat' using 1:5 title 'plain-stage' with linespoints lw 2, 'docs/bench/p1.dat' using 1:8 title 'coroutine' with linespoints lw 2, 'docs/bench/p1.dat' using 1:11 title 'greenlet-sleep' with linespoints lw 2, 'docs/bench/p1.dat' using 1:14 title 'greenlet-await' with linespoints lw 2, 'docs/bench/p1.dat' using 1:17 title 'executor' with linespoints lw 2
set output 'docs/bench/p1-latency.png'
set ylabel 'latency (ms, log)'
set yrange [*:*]
plot 'docs/bench/p1.dat' using 1:3 title 'plain-blocking p50' with linespoints, 'docs/bench/p1.dat' using 1:4 title 'plain-blocking p99' with linespoints dashtype 2, 'docs/bench/p1.dat' using 1:6 title 'plain-stage p50' with linespoints, 'docs/bench/p1.dat' using 1:7 title 'plain-stage p99' with linespoints dashtype 2, 'docs/bench/p1.dat' using 1:9 title 'coroutine p50' with linespoints, 'docs/bench/p1.dat' using 1:10 title 'coroutine p99' with linespoints dashtype 2, 'docs/bench/p1.dat' using 1:12 title 'greenlet-sleep p50' with linespoints, 'docs/bench/p1.dat' using 1:13 title 'greenlet-sleep p99' with linespoints dashtype 2, 'docs/bench/p1.dat' using 1:15 title 'greenlet-await p50' with linespoints, 'docs/bench/p1.dat' using 1:16 title 'greenlet-await p99' with linespoints dashtype 2, 'docs/bench/p1.dat' using 1:18 title 'executor p50' with linespoints, 'docs/bench/p1.dat' using 1:19 title 'executor p99' with linespoints dashtype 2
