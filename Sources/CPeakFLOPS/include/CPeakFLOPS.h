#pragma once
/// Placeholder until HostBench's peak probe lands.
int llmcost_peak_placeholder(void);
