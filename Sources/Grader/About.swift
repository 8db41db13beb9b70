// Grader: Exercise discovery, isolated compile and run of a learner's file, checks and verdicts.
