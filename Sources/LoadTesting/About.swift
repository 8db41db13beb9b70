/// Load testing: concurrent streaming clients, time to first token and percentiles.
public enum LoadTestingModule {}
