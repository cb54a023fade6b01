#!/bin/sh
# Seeds both corpora: the sample, cut and written by hand, and the same encrypted to the
# fuzzing key. Run from this folder before `cargo +nightly fuzz run`.
set -eu
mkdir -p corpus/fast_ron_vs_ron corpus/encrypted_loader
cp ../assets/sample.ron corpus/fast_ron_vs_ron/sample.ron
head -c 4000 ../assets/sample.ron > corpus/fast_ron_vs_ron/cut.ron
printf '(format: "repatriation-watch", version: 1, places: [(id: "p", name: "Hyesan", latitude: 41.4)])' \
  > corpus/fast_ron_vs_ron/small.ron
cargo run -q --manifest-path ../Cargo.toml --example fuzz_seed -- corpus/encrypted_loader/sample.ron.age
