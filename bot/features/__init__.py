"""The features of the tutor, one package each: flows, buttons, states, tables, repositories."""
