"""Small talk and stray words: a kind reply, and the way back to where the learner was."""
