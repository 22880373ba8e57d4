#!/usr/bin/env bash
# `npm test`: unit and integration tests (arguments go to this stage, e.g. --parallel=2),
# then the system tests on their own: they kill, cut and restart real processes and
# bound the recovery in time, so they get the machine to themselves.
status=0
npx nx run-many -t test integration --outputStyle=static "$@" || status=$?
npx nx run-many -t system --outputStyle=static --parallel=1 || status=$?
exit "$status"
