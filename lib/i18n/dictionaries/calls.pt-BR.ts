/** Labels shared by the live board, the lead page and the history (issue 6). */
export const callsPtBR = {
  direction: { inbound: "Recebida", outbound: "Realizada", internal: "Interna" },
  state: { originating: "Chamando seu ramal", ringing: "Chamando", answered: "Em conversa", ended: "Encerrada" },
  disposition: {
    answered: "Atendida",
    no_answer: "Não atendida",
    busy: "Ocupado",
    failed: "Falhou",
    agent_missed: "Você não atendeu",
  },
  outcome: {
    connected: "Conversou",
    no_answer: "Não atendeu",
    busy: "Ocupado",
    voicemail: "Caixa postal",
    wrong_number: "Número errado",
  },
  monitor: { listen: "Ouvir", whisper: "Sussurrar", barge: "Entrar na chamada" },
  tabs: { live: "Ao vivo", history: "Histórico" },
  title: "Chamadas",
  subtitle: "Chamadas em andamento, ramais e histórico da equipe.",
};
