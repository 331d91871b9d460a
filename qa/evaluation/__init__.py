"""Evaluation helpers shared by the benchmarks (bench/) and the regression tests (tests/)."""
