"""The browser chat (htmx) and the card browser: routes, cookies and the views they render from web/."""
