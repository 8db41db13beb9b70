// Progress: The learner's progress (sections read, exercises passed), stored atomically in a per-course state file.
