"""Search: the embedding model, BM25, the on-disk index (build, load, check), hybrid retrieval, its evaluation,
and near-duplicate cards found with the model. The only place that imports sentence_transformers, faiss and
bm25s."""
