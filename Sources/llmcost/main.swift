import Commands
LLMCost.run()
