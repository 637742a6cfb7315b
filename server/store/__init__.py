"""Storage (SQLAlchemy Core, SQLite or PostgreSQL): conversations and feedback, and the chat-app webhook
bookkeeping (events seen, replies)."""
