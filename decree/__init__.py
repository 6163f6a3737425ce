"""decree: read Russian decrees, orders and reports; extract their structure."""

__version__ = "0.1.0"
SCHEMA = "decree/1"
