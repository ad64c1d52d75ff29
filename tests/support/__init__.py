"""What tests that start real processes share: a fixed clock for them, and their clean-up."""
