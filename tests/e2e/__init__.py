"""End-to-end tests that drive the real `intervisie` command in a real terminal (tmux)."""
