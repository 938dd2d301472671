"""What a coordinator has open: the programme file, the services on it, her settings."""
