"""Cards: the Markdown card format parsed and linted, the topic list, coverage counts and passages (a card split
for retrieval). Reads the files under knowledge/; knows nothing of search or serving."""
