"""What the build scripts in tools/ and the tests in tests/ share: finishing
and checking a built site, serving it, Chromium's settings, the scenario
vectors and a clinic's fork. tools/ and tests/ never import each other; both
import this (it is found from the repository's root, as they run there)."""
