// The study-group server: members, submissions queue, grading workers and the gradebook.
