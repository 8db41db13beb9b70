/// Agents: a ReAct loop whose tool calls are parsed, executed and fed back to the model.
public enum AgentsModule {}
