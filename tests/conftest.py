"""Settings shared by every test."""

from hypothesis import settings

# No test is timed (timings belong in `make bench`): Hypothesis's default
# 200 ms deadline failed a property on this 2-core machine when it was busy
# (291 ms on a first run, 15 ms on the next), which says nothing about the code.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")
